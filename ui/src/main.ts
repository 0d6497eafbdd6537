import './app.css';
import { mount } from 'svelte';
import App from './App.svelte';
import { createBackend } from './lib/backend';
import { setupI18n } from './lib/i18n';

setupI18n();

createBackend().then((backend) => {
  mount(App, { target: document.getElementById('app')!, props: { backend } });
});
