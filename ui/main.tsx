import { render } from 'preact';
import { App } from './app';
import { createBridge } from './bridge';
import './styles.css';

const root = document.getElementById('app');
if (root) render(<App bridge={createBridge(window)} />, root);
