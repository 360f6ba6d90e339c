import { boardCookie, boardTokenFromCookies, clearedBoardCookie } from 'src/queue-board/board-cookie';

describe('queue board cookie', () => {
  it('is HttpOnly, SameSite=Strict, confined to the board path, and Secure only when asked', () => {
    expect(boardCookie('a.b.c', { maxAgeSeconds: 900, secure: false })).toBe(
      'gd_queue_board=a.b.c; Path=/admin/queues; Max-Age=900; HttpOnly; SameSite=Strict',
    );
    expect(boardCookie('a.b.c', { maxAgeSeconds: 900, secure: true })).toMatch(/; Secure$/);
  });

  it('clears with an empty value that expires at once', () => {
    expect(clearedBoardCookie(false)).toBe('gd_queue_board=; Path=/admin/queues; Max-Age=0; HttpOnly; SameSite=Strict');
  });

  it('reads the token among other cookies, and nothing from look-alike names or empty values', () => {
    expect(boardTokenFromCookies('theme=dark; gd_queue_board=x.y.z; other=1')).toBe('x.y.z');
    expect(boardTokenFromCookies('gd_queue_board=first; gd_queue_board=second')).toBe('first');
    expect(boardTokenFromCookies('xgd_queue_board=x.y.z; gd_queue_board_old=1')).toBeUndefined();
    expect(boardTokenFromCookies('gd_queue_board=')).toBeUndefined();
    expect(boardTokenFromCookies(undefined)).toBeUndefined();
  });
});
