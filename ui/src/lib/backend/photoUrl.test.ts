import { describe, expect, it } from 'vitest';
import { isMediaReference, mediaReference, photoBase, photoUrl } from './photoUrl';

const WEBKIT = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/605.1.15 (KHTML, like Gecko)';
const MAC = 'Mozilla/5.0 (Macintosh; Intel Mac OS X 14_4) AppleWebKit/605.1.15 (KHTML, like Gecko)';
const WEBVIEW2 =
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 Edg/131.0.0.0';

describe('photo addresses', () => {
  it('uses the custom scheme on Linux and macOS, http://bantin.localhost on Windows', () => {
    expect(photoBase(WEBKIT)).toBe('bantin://localhost/');
    expect(photoBase(MAC)).toBe('bantin://localhost/');
    expect(photoBase(WEBVIEW2)).toBe('http://bantin.localhost/');
  });

  it('asks for a width with an article reference', () => {
    const base = photoBase(WEBKIT);
    expect(photoUrl(base, 'media/3f2a9c.jpg', 480)).toBe(
      'bantin://localhost/media/3f2a9c.jpg?w=480',
    );
    expect(photoUrl(photoBase(WEBVIEW2), 'media/3f2a9c.jpg', 480)).toBe(
      'http://bantin.localhost/media/3f2a9c.jpg?w=480',
    );
    expect(photoUrl(base, 'media/3f2a9c.jpg')).toBe('bantin://localhost/media/3f2a9c.jpg');
  });

  it('serves a rendition path as it is, without a width', () => {
    expect(photoUrl('bantin://localhost/', 'media/renditions/3f2a9c-o-thumb.jpg', 480)).toBe(
      'bantin://localhost/media/renditions/3f2a9c-o-thumb.jpg',
    );
  });

  it('gives nothing for file paths, web addresses and escapes out of media/', () => {
    const base = 'bantin://localhost/';
    expect(photoUrl(base, 'D:\\Ảnh\\le-hoi.jpg', 480)).toBeNull();
    expect(photoUrl(base, '/home/kim/anh.jpg')).toBeNull();
    expect(photoUrl(base, 'https://example.com/a.jpg')).toBeNull();
    expect(photoUrl(base, 'media/../site.db')).toBeNull();
  });

  it('encodes what is not safe in a URL path', () => {
    expect(photoUrl('bantin://localhost/', 'media/renditions/a b#.jpg')).toBe(
      'bantin://localhost/media/renditions/a%20b%23.jpg',
    );
  });

  it('tells library references from other sources', () => {
    expect(mediaReference({ hash: '3f2a9c', ext: 'png' })).toBe('media/3f2a9c.png');
    expect(isMediaReference('media/3f2a9c.jpg')).toBe(true);
    expect(isMediaReference('media/renditions/3f2a9c-o-480.jpg')).toBe(false);
    expect(isMediaReference('media/lễ hội.jpg')).toBe(false);
    expect(isMediaReference('D:\\media\\3f2a9c.jpg')).toBe(false);
  });
});
