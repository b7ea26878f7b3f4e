import type { ReactNode } from 'react';
import { useT, type MessageKey } from '../i18n/index.ts';

interface DeskFrameProps<Tab extends string> {
  title: string;
  /** The accessible name of the section navigation. */
  navLabel: string;
  tabs: ReadonlyArray<readonly [Tab, MessageKey]>;
  current: Tab;
  onSelect: (tab: Tab) => void;
  onLock: () => void;
  children: ReactNode;
}

/** The frame of a desk (issuer, verifier): its name, a Lock button and its sections. */
export function DeskFrame<Tab extends string>(props: DeskFrameProps<Tab>) {
  const { title, navLabel, tabs, current, onSelect, onLock, children } = props;
  const t = useT();
  return (
    <section className="card desk" aria-labelledby="desk-frame-title">
      <div className="title-row">
        <h1 id="desk-frame-title">{title}</h1>
        <button type="button" onClick={onLock}>
          {t('home.lock')}
        </button>
      </div>
      <nav aria-label={navLabel} className="tabs">
        <ul>
          {tabs.map(([id, label]) => (
            <li key={id}>
              <button
                type="button"
                aria-current={current === id ? 'page' : undefined}
                onClick={() => onSelect(id)}
              >
                {t(label)}
              </button>
            </li>
          ))}
        </ul>
      </nav>
      {children}
    </section>
  );
}
