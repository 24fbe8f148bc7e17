import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Term } from '../../../electron/common/models.ts';
import { categoryTree } from '../desk/Sidebar.tsx';

export interface CategoryPickerProps {
  readonly categories: readonly Term[];
  readonly selected: readonly string[];
  readonly onChange: (ids: string[]) => void;
  readonly onCreate: (name: string) => Promise<void>;
}

/** The blog's categories as a tree of checkboxes, and a field to make a new one (it syncs later). */
export function CategoryPicker({ categories, selected, onChange, onCreate }: CategoryPickerProps) {
  const { t } = useTranslation();
  const [name, setName] = useState('');
  const toggle = (id: string, on: boolean) => onChange(on ? [...selected, id] : selected.filter((s) => s !== id));
  const create = () => {
    const trimmed = name.trim();
    if (!trimmed) return;
    void onCreate(trimmed).then(() => setName(''));
  };
  return (
    <fieldset className="inspector-field">
      <legend>{t('inspector.categories')}</legend>
      <ul className="category-tree">
        {categoryTree(categories).map(({ term, depth }) => (
          <li key={term.id} style={{ paddingLeft: depth * 16 }}>
            <label>
              <input type="checkbox" checked={selected.includes(term.id)} onChange={(e) => toggle(term.id, e.target.checked)} /> {term.name}
            </label>
          </li>
        ))}
      </ul>
      <div className="inline-add">
        <input
          aria-label={t('inspector.newCategory')}
          placeholder={t('inspector.newCategory')}
          value={name}
          onChange={(e) => setName(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter') {
              e.preventDefault();
              create();
            }
          }}
        />
        <button type="button" onClick={create} disabled={!name.trim()}>
          {t('inspector.add')}
        </button>
      </div>
    </fieldset>
  );
}
