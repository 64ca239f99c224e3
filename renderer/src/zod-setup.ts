// zod's global settings for the renderer; loaded by App.tsx before any on-demand screen, so it runs
// before any schema in domain/ is built. jitless: building an object schema otherwise probes `new Function`, which the
// app's CSP forbids and reports as a violation even though zod catches the error. Chinese messages
// for zod's own texts, as the backend's contract configures them.
import { z } from 'zod';
import zhCN from 'zod/v4/locales/zh-CN.js';

z.config({ jitless: true });
z.config(zhCN());
