// Renderer entry: mounts the kiosk and loads the start screen.
import { mount } from 'svelte';
import App from './App.svelte';
import './styles/kiosk.css';
import { kioskApp } from './state/kiosk-app.svelte';

const target = document.getElementById('app');
if (!target) throw new Error('#app is missing from index.html');
mount(App, { target });
void kioskApp.boot();
