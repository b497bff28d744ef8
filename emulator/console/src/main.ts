import { createApp } from 'vue';
import 'element-plus/dist/index.css';
import './styles/shared.css';
import App from './App.vue';

// Components are imported where they are used (tree-shaken); only the stylesheet is global.
createApp(App).mount('#app');
