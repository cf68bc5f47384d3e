// Entry point of the Lifecycle Preview page (bundled to dist/webview.js).
import { App } from './app';
import { vscodeApi } from './vscodeApi';

const root = document.getElementById('app');
if (root) new App(root, vscodeApi());
