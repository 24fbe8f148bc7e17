import DOMPurify from 'dompurify';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Conflict, ConflictBlock, ConflictSummary } from '../../../electron/common/api/sync.ts';
import { blog } from '../blog.ts';

type Choice = 'base' | 'mine' | 'theirs';
type Field = 'title' | 'excerpt' | 'slug';
const FIELDS: readonly Field[] = ['title', 'excerpt', 'slug'];
const ALL_MINE: Record<Field, 'mine' | 'theirs'> = { title: 'mine', excerpt: 'mine', slug: 'mine' };

/** What the merge takes for a block unless the writer says otherwise: the side that changed it. */
function defaultChoice(block: ConflictBlock): Choice {
  if (block.change === 'theirs') return 'theirs';
  if (block.change === 'same') return block.mine !== null ? 'mine' : 'base';
  return 'mine';
}

/** The merged resolution's title/excerpt/slug: the chosen side's value for each field in conflict. */
function chosenFields(conflict: Conflict, chosen: Record<Field, 'mine' | 'theirs'>): Partial<Record<Field, string>> {
  return Object.fromEntries(FIELDS.filter((f) => conflict.conflictingFields.includes(f)).map((f) => [f, conflict[f][chosen[f]]]));
}

function Source({ html, removed }: { html: string | null; removed: string }) {
  if (html === null) return <em className="conflict-removed">{removed}</em>;
  // Block sources come from a blog: shown sanitised, never as raw markup.
  return <div className="conflict-html" dangerouslySetInnerHTML={{ __html: DOMPurify.sanitize(html, { USE_PROFILES: { html: true } }) }} />;
}

/** Title, excerpt or address changed differently on both sides: plain text, one radio per side (mine by default). */
function FieldRows({ conflict, chosen, onChoose }: { conflict: Conflict; chosen: Record<Field, 'mine' | 'theirs'>; onChoose: (field: Field, side: 'mine' | 'theirs') => void }) {
  const { t } = useTranslation();
  return FIELDS.filter((field) => conflict.conflictingFields.includes(field)).map((field) => (
    <div key={field} className="conflict-row change-both" role="row">
      {(['theirs', 'mine'] as const).map((side) => (
        <label key={side} role="cell" className={chosen[field] === side ? 'conflict-cell chosen' : 'conflict-cell'}>
          <input type="radio" name={`field-${field}`} aria-label={`${t(`sync.conflicts.fields.${field}`)}: ${t(side === 'mine' ? 'sync.conflicts.mine' : 'sync.conflicts.web')}`} checked={chosen[field] === side} onChange={() => onChoose(field, side)} />
          <span>
            <strong>{t(`sync.conflicts.fields.${field}`)}:</strong> {conflict[field][side]}
          </span>
        </label>
      ))}
    </div>
  ));
}

/** Posts changed both here and on the web: the web's version, mine and the merge side by side, block by block. */
export function ConflictsView({ onResolved, onError }: { onResolved: (postId: string) => void; onError: (error: unknown) => void }) {
  const { t } = useTranslation();
  const [list, setList] = useState<ConflictSummary[]>([]);
  const [conflict, setConflict] = useState<Conflict | null>(null);
  const [choices, setChoices] = useState<Choice[]>([]);
  const [fields, setFields] = useState(ALL_MINE);

  useEffect(() => {
    const load = () => void blog.listConflicts().then(setList, onError);
    load();
    return blog.onDidChangeSyncStatus(load);
  }, [onError]);

  const open = (postId: string) =>
    void blog.getConflict(postId).then((c) => {
      setConflict(c);
      setChoices(c.blocks.map(defaultChoice));
      setFields(ALL_MINE);
    }, onError);

  const resolve = (resolution: Parameters<typeof blog.resolveConflict>[1]) => {
    if (!conflict) return;
    blog.resolveConflict(conflict.postId, resolution).then(() => {
      const postId = conflict.postId;
      setConflict(null);
      onResolved(postId);
    }, onError);
  };

  return (
    <div className="conflicts-view">
      <section className="conflict-list" aria-label={t('sync.conflicts.title')}>
        <h2>{t('sync.conflicts.title')}</h2>
        {list.length === 0 && <p className="empty-list">{t('sync.conflicts.empty')}</p>}
        <ul>
          {list.map((item) => (
            <li key={item.postId}>
              <button type="button" className="nav-item" aria-current={conflict?.postId === item.postId ? 'page' : undefined} onClick={() => open(item.postId)}>
                <span className="nav-label">{item.title || t('list.untitled')}</span>
                <span className="nav-count">{t('sync.conflicts.blocks', { count: item.conflictingBlocks })}</span>
              </button>
            </li>
          ))}
        </ul>
      </section>
      {conflict && (
        <section className="conflict-resolver" aria-label={conflict.title.mine}>
          <p>{t('sync.conflicts.intro')}</p>
          <div className="conflict-grid" role="table">
            <div className="conflict-row conflict-head" role="row">
              <span role="columnheader">{t('sync.conflicts.web')}</span>
              <span role="columnheader">{t('sync.conflicts.mine')}</span>
            </div>
            <FieldRows conflict={conflict} chosen={fields} onChoose={(field, side) => setFields({ ...fields, [field]: side })} />
            {conflict.blocks.map((block, index) => (
              <div key={index} className={`conflict-row change-${block.change}`} role="row">
                {(['theirs', 'mine'] as const).map((side) => (
                  <label key={side} role="cell" className={choices[index] === side ? 'conflict-cell chosen' : 'conflict-cell'}>
                    {block.change !== 'same' && (
                      <input
                        type="radio"
                        name={`block-${index}`}
                        aria-label={`${t(side === 'mine' ? 'sync.conflicts.mine' : 'sync.conflicts.web')} ${index + 1}`}
                        checked={choices[index] === side}
                        onChange={() => setChoices(choices.map((c, i) => (i === index ? side : c)))}
                      />
                    )}
                    <Source html={block[side]} removed={t('sync.conflicts.removed')} />
                  </label>
                ))}
              </div>
            ))}
          </div>
          <div className="dialog-actions">
            <button type="button" onClick={() => resolve({ kind: 'theirs' })}>
              {t('sync.conflicts.keepTheirs')}
            </button>
            <button type="button" onClick={() => resolve({ kind: 'mine' })}>
              {t('sync.conflicts.keepMine')}
            </button>
            <button type="button" className="primary" onClick={() => resolve({ kind: 'merged', choices, ...chosenFields(conflict, fields) })}>
              {t('sync.conflicts.saveMerged')}
            </button>
          </div>
        </section>
      )}
    </div>
  );
}
