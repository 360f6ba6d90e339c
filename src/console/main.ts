import ElementPlus from 'element-plus';
import 'element-plus/dist/index.css';
import { createApp } from 'vue';
import App from './App.vue';
import { prefetchPages, router } from './router';

createApp(App).use(ElementPlus).use(router).mount('#app');
void router.isReady().then(prefetchPages);
