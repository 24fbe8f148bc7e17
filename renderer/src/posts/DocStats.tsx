import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { EditorStats } from '../editor/plugins/StatsPlugin.tsx';
import { type Store, useStore } from './store.ts';
import { localeOf } from '../i18n/i18n.ts';

/** "1 234 ord · 7 410 tecken · 6 min läsning", and the selection's counts while text is selected. */
export function DocStats({ store }: { store: Store<EditorStats | null> }) {
  const { t, i18n } = useTranslation();
  const stats = useStore(store);
  const locale = localeOf(i18n.language);
  const n = useMemo(() => new Intl.NumberFormat(locale), [locale]);
  if (!stats) return null;
  const post = stats.post;
  const parts = [
    t('stats.words', { count: post.words, formatted: n.format(post.words) }),
    t('stats.characters', { count: post.characters, formatted: n.format(post.characters) }),
    t('stats.minutes', { count: post.minutes }),
  ];
  const selection = stats.selection;
  return (
    <span className="doc-stats" data-testid="doc-stats">
      <span className="doc-stats-post">{parts.join(' · ')}</span>
      {selection ? (
        <span className="doc-stats-selection">
          {t('stats.selection', {
            words: t('stats.words', { count: selection.words, formatted: n.format(selection.words) }),
            characters: t('stats.characters', { count: selection.characters, formatted: n.format(selection.characters) }),
          })}
        </span>
      ) : null}
    </span>
  );
}
