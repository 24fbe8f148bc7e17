import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Term } from '../../../electron/common/models.ts';

export interface TagInputProps {
  readonly tags: readonly Term[];
  readonly selected: readonly string[];
  readonly onChange: (ids: string[]) => void;
  /** Makes a new tag (offline: it syncs later) and returns its id. */
  readonly onCreate: (name: string) => Promise<string>;
}

/** Tags as removable chips, and a field that autocompletes the blog's tags or makes a new one on Enter. */
export function TagInput({ tags, selected, onChange, onCreate }: TagInputProps) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const listId = useId();
  const byId = new Map(tags.map((tag) => [tag.id, tag]));
  const add = async () => {
    const name = text.trim();
    if (!name) return;
    const existing = tags.find((tag) => tag.name.localeCompare(name, 'sv', { sensitivity: 'accent' }) === 0);
    const id = existing ? existing.id : await onCreate(name);
    if (!selected.includes(id)) onChange([...selected, id]);
    setText('');
  };
  return (
    <div className="inspector-field">
      <label htmlFor={`${listId}-input`}>{t('inspector.tags')}</label>
      <ul className="tag-chips">
        {selected.map((id) => (
          <li key={id} className="chip">
            {byId.get(id)?.name ?? id}
            <button type="button" className="quiet" aria-label={t('inspector.removeTag', { name: byId.get(id)?.name ?? id })} onClick={() => onChange(selected.filter((s) => s !== id))}>
              ×
            </button>
          </li>
        ))}
      </ul>
      <input
        id={`${listId}-input`}
        list={listId}
        placeholder={t('inspector.tagPlaceholder')}
        value={text}
        onChange={(e) => setText(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter' || e.key === ',') {
            e.preventDefault();
            void add();
          }
        }}
      />
      <datalist id={listId}>
        {tags
          .filter((tag) => !selected.includes(tag.id))
          .map((tag) => (
            <option key={tag.id} value={tag.name} />
          ))}
      </datalist>
    </div>
  );
}
