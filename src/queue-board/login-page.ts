import { createHash } from 'node:crypto';
import { QUEUE_BOARD_PATH } from 'src/queue-board/board-cookie';

// Plain browser script, inlined so the page needs no other asset. It logs in, trades the access token for the
// board's HttpOnly cookie, and throws the token away; the refresh token is never kept.
const SCRIPT = `(() => {
  const board = ${JSON.stringify(QUEUE_BOARD_PATH)};
  const form = document.getElementById('login');
  const message = document.getElementById('message');
  const say = (text) => { message.textContent = text; };
  const reasons = { 401: '用户名或密码错误。', 403: '该账号没有管理员（admin）角色。', 429: '尝试次数过多，请稍后再试。' };
  const failed = (status) => reasons[status] || '失败（HTTP ' + status + '）。';
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    say('正在登录…');
    try {
      const data = new FormData(form);
      const login = await fetch('/auth/login', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: data.get('username'), password: data.get('password') }),
      });
      if (!login.ok) return say(failed(login.status));
      const auth = { authorization: 'Bearer ' + (await login.json()).accessToken };
      const session = await fetch(board + '/session', { method: 'POST', headers: auth });
      if (!session.ok) {
        await fetch('/auth/logout', { method: 'POST', headers: auth });
        return say(failed(session.status));
      }
      location.assign(board);
    } catch {
      say('无法连接服务器。');
    }
  });
  document.getElementById('signout').addEventListener('click', async () => {
    const res = await fetch(board + '/session', { method: 'DELETE' });
    say(res.ok ? '已退出看板。' : failed(res.status));
  });
})();`;

const STYLE = `body { font-family: system-ui, "Noto Sans CJK SC", sans-serif; background: #f4f5f7; margin: 0; }
main { max-width: 22rem; margin: 10vh auto; background: #fff; padding: 2rem; border-radius: 8px; }
h1 { font-size: 1.4rem; margin-top: 0; }
label { display: block; margin: 0.8rem 0; }
input { display: block; width: 100%; box-sizing: border-box; padding: 0.5rem; margin-top: 0.3rem; }
button { padding: 0.5rem 1.2rem; margin-right: 0.5rem; }
#message { min-height: 1.5em; color: #b3261e; }`;

const sha256 = (text: string): string => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;

/** Only this page's own script and style run; it talks to this origin only and cannot be framed. */
export const LOGIN_PAGE_CSP = [
  "default-src 'none'",
  `script-src ${sha256(SCRIPT)}`,
  `style-src ${sha256(STYLE)}`,
  "connect-src 'self'",
  "form-action 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
].join('; ');

export const LOGIN_PAGE_HTML = `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>队列看板 · 管理员登录</title>
<style>${STYLE}</style>
</head>
<body>
<main>
<h1>队列看板</h1>
<p>仅限系统管理员（admin）登录。</p>
<form id="login">
<label>用户名<input name="username" autocomplete="username" required maxlength="64"></label>
<label>密码<input name="password" type="password" autocomplete="current-password" required maxlength="200"></label>
<button type="submit">登录</button><button id="signout" type="button">退出看板</button>
</form>
<p id="message" role="alert"></p>
</main>
<script>${SCRIPT}</script>
</body>
</html>
`;
