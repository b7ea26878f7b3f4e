import { lazy, Suspense, type ComponentType } from 'react';
import { useT } from '../i18n/index.ts';

/**
 * A screen whose module loads when it is first shown (issue 12: the first screen carries no rules,
 * transport, zod or noble), with "Loading…" while it comes. The service worker precaches every
 * chunk, so this works offline too. `name` is the module's export: `lazyScreen(() =>
 * import('./Home.tsx'), 'Home')`.
 */
export function lazyScreen<Name extends string>(
  load: () => Promise<Record<Name, ComponentType>>,
  name: Name,
): ComponentType {
  const Screen = lazy<ComponentType>(async () => ({ default: (await load())[name] }));
  return function LazyScreen() {
    return (
      <Suspense fallback={<ScreenLoading />}>
        <Screen />
      </Suspense>
    );
  };
}

function ScreenLoading() {
  const t = useT();
  return <p role="status">{t('app.loading')}</p>;
}
