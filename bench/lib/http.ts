/**
 * fetch with one retry on a dropped keep-alive connection (the server closes idle sockets after
 * a while, e.g. during the minutes of the naive Turf scan; the retry is not timed twice: callers
 * time the successful attempt only when they pass `timed`).
 */
export async function request(url: string, init?: RequestInit): Promise<Response> {
  try {
    return await fetch(url, init);
  } catch (err) {
    const code = (err as { cause?: { code?: string } }).cause?.code;
    if (code !== 'ECONNRESET' && code !== 'UND_ERR_SOCKET' && code !== 'EPIPE') throw err;
    return fetch(url, init);
  }
}
