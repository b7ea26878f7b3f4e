import { useState } from 'react';
import { useT } from '../i18n/index.ts';
import { OnlineError } from './OnlineContact.tsx';
import { getNewCopiesOnline } from './online-offer.ts';
import type { OnlineMessage } from './online-request.ts';

type State =
  | { step: 'idle' }
  | { step: 'busy' }
  | { step: 'done'; added: number }
  | { step: 'failed'; message: OnlineMessage };

/**
 * "Get new copies" for a credential whose issuer renews online (`refresh.kind === 'openid4vci'`;
 * the card's summary says `refreshKind`). Only on the citizen's tap: the request goes to the
 * issuer (the refresh_token grant, then a batch on fresh keys) and the copies join the same card.
 * Holds no secret: the refresh token stays in the vault record, inside core.
 */
export function CopiesRefresh({
  credentialId,
  onRefreshed,
}: {
  credentialId: string;
  onRefreshed?: (added: number) => void;
}) {
  const t = useT();
  const [state, setState] = useState<State>({ step: 'idle' });

  const getCopies = async () => {
    setState({ step: 'busy' });
    const outcome = await getNewCopiesOnline(credentialId);
    if (outcome.ok) {
      setState({ step: 'done', added: outcome.added });
      onRefreshed?.(outcome.added);
    } else {
      setState({ step: 'failed', message: outcome.message });
    }
  };

  return (
    <div className="copies-refresh">
      <p className="hint">{t('online.copies.explain')}</p>
      {state.step === 'failed' ? <OnlineError message={state.message} /> : null}
      {state.step === 'busy' ? <p role="status">{t('online.copies.getting')}</p> : null}
      {state.step === 'done' ? (
        <p role="status" className="success">
          {t('online.copies.got', { count: state.added })}
        </p>
      ) : null}
      <div className="actions">
        <button type="button" onClick={() => void getCopies()} disabled={state.step === 'busy'}>
          {t('online.copies.get')}
        </button>
      </div>
    </div>
  );
}
