import { EventEmitter } from 'node:events';
import { expect, test, vi } from 'vitest';
import { handleDeepLinks } from '../../../electron/main/deep-links.ts';

vi.mock('electron', () => ({}));

test('longhand:// links arrive from open-url, a second instance, or the first command line', () => {
  const app = Object.assign(new EventEmitter(), { setAsDefaultProtocolClient: vi.fn(() => true) });
  const links: string[] = [];
  handleDeepLinks(app as never, ['/opt/longhand', 'longhand://authorize?success=true&state=a'], (url) => links.push(url));
  expect(app.setAsDefaultProtocolClient).toHaveBeenCalledWith('longhand');
  const event = { preventDefault: vi.fn() };
  app.emit('open-url', event, 'longhand://authorize?state=b');
  app.emit('open-url', event, 'https://evil.example/');
  app.emit('second-instance', {}, ['/opt/longhand', '--flag', 'longhand://authorize?state=c']);
  app.emit('second-instance', {}, ['/opt/longhand']);
  expect(links).toEqual(['longhand://authorize?success=true&state=a', 'longhand://authorize?state=b', 'longhand://authorize?state=c']);
  expect(event.preventDefault).toHaveBeenCalledTimes(2);
});
