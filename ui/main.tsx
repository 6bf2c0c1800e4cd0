import { render } from 'preact';
import { App } from './app';
import { createBridge } from './bridge';
import { SelfCheckPanel } from './components/self-check-report';
import './styles.css';

const root = document.getElementById('app');
if (root) {
  const bridge = createBridge(window);
  // The plugin says which menu command started it: 'check' shows the compatibility report.
  bridge
    .request('launch', {}, { timeoutMs: 10_000 })
    .then((r) => r.command, () => '')
    .then((command) => render(command === 'check' ? <SelfCheckPanel bridge={bridge} /> : <App bridge={bridge} />, root));
}
