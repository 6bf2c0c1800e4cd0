import { useEffect, useState } from 'preact/hooks';
import type { Bridge } from './bridge';

export function App({ bridge }: { bridge: Bridge }) {
  const [status, setStatus] = useState('Connecting to Figma…');
  useEffect(() => {
    bridge
      .request('hello', {})
      .then((r) => setStatus(`Connected (${r.editorType})`))
      .catch((e: Error) => setStatus(e.message));
  }, [bridge]);
  return (
    <main>
      <h1>Journey Mapper</h1>
      <p role="status">{status}</p>
    </main>
  );
}
