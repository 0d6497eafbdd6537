import { render, screen, waitFor } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import App from '../../../App.svelte';
import { MockBackend } from '../../backend/mock';

async function openFirstArticle() {
  const backend = new MockBackend();
  const user = userEvent.setup();
  render(App, { props: { backend } });
  const rows = await screen.findAllByTestId('article-row');
  await user.click(rows[0]);
  const button = await screen.findByTestId('save-zip');
  await waitFor(() => expect(button).toBeEnabled());
  return { backend, user, button };
}

describe('save an article as a zip file', () => {
  it('asks where, named after the article, writes it there and says so', async () => {
    const { backend, user, button } = await openFirstArticle();
    backend.zipPaths.push('/home/huyen/bai-viet.zip');
    const calls: unknown[][] = [];
    const pick = backend.pickZipPath.bind(backend);
    backend.pickZipPath = async (name: string) => {
      calls.push([name]);
      return pick(name);
    };
    await user.click(button);
    await waitFor(() => expect(backend.exported).toContain('/home/huyen/bai-viet.zip'));
    expect(calls[0][0]).toMatch(/^[a-z0-9-]+\.zip$/);
    expect(calls[0][0]).not.toBe('bai-viet.zip');
    expect(await screen.findByTestId('form-notice')).toHaveTextContent(
      'Đã lưu bài viết thành tệp /home/huyen/bai-viet.zip.',
    );
  });

  it('does nothing when the dialog is cancelled', async () => {
    const { backend, user, button } = await openFirstArticle();
    await user.click(button);
    await new Promise((r) => setTimeout(r, 50));
    expect(backend.exported).toEqual([]);
    expect(screen.queryByTestId('form-notice')).toBeNull();
  });
});
