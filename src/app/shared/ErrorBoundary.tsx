import { Component, type ErrorInfo, type ReactNode } from 'react';
import { translate, useLanguageStore } from '../i18n/index.ts';

interface Props {
  children: ReactNode;
}
interface State {
  crashed: boolean;
}

/** Whatever goes wrong in a screen, the citizen sees words and a way out, never a stack trace. */
export class ErrorBoundary extends Component<Props, State> {
  override state: State = { crashed: false };

  static getDerivedStateFromError(): State {
    return { crashed: true };
  }

  override componentDidCatch(_error: unknown, _info: ErrorInfo): void {
    // Deliberately not logged: an error may carry user data; the boundary only changes the screen.
  }

  override render(): ReactNode {
    if (!this.state.crashed) return this.props.children;
    const language = useLanguageStore.getState().language;
    return (
      <section className="card" role="alert">
        <h1>{translate(language, 'app.crashed.title')}</h1>
        <p>{translate(language, 'app.crashed.body')}</p>
        <button type="button" onClick={() => window.location.reload()}>
          {translate(language, 'app.crashed.reload')}
        </button>
      </section>
    );
  }
}
