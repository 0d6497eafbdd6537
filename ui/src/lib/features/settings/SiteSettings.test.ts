import { render, screen, waitFor } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import App from '../../../App.svelte';
import { BackendError } from '../../backend/backend';
import { MockBackend, type MockOptions } from '../../backend/mock';

async function setup(opts: MockOptions = {}) {
  const backend = new MockBackend(opts);
  const user = userEvent.setup();
  render(App, { props: { backend } });
  await waitFor(() => expect(screen.getByTestId('site-name')).toHaveTextContent('Trang tin huyện'));
  return { backend, user };
}

const field = (testid: string) =>
  screen.getByTestId(testid) as HTMLInputElement | HTMLTextAreaElement;

/** Opens the dialog and waits for the stored settings to fill it. */
async function openDialog(user: ReturnType<typeof userEvent.setup>) {
  await user.click(screen.getByTestId('site-settings'));
  await screen.findByTestId('site-settings-dialog');
  await waitFor(() => expect(field('settings-name').value).not.toBe(''));
}

async function replace(user: ReturnType<typeof userEvent.setup>, testid: string, text: string) {
  await user.clear(field(testid));
  if (text) await user.type(field(testid), text);
}

describe('site settings', () => {
  it('saves the unit and web address, and shows them again when reopened', async () => {
    const { backend, user } = await setup();
    await openDialog(user);
    expect(screen.getByRole('dialog', { name: 'Cài đặt trang' })).toBeInTheDocument();
    expect(screen.getByLabelText('Cơ quan chủ quản')).toBe(field('settings-unit'));
    expect(field('settings-description').tagName).toBe('TEXTAREA');
    // The name field has the focus, ready to type.
    expect(field('settings-name')).toHaveFocus();

    await replace(user, 'settings-unit', 'UBND huyện Bình Minh'.normalize('NFD'));
    await replace(user, 'settings-base-url', '  https://tin.binhminh.gov.vn/ ');
    await replace(user, 'settings-media-widths', '480,960');
    await user.click(screen.getByTestId('settings-save'));
    await waitFor(() => expect(screen.queryByTestId('site-settings-dialog')).toBeNull());

    expect(await backend.siteSettingsGet()).toMatchObject({
      unit: 'UBND huyện Bình Minh'.normalize('NFC'),
      base_url: 'https://tin.binhminh.gov.vn',
      media_widths: '480, 960',
    });
    await openDialog(user);
    expect(field('settings-unit').value).toBe('UBND huyện Bình Minh'.normalize('NFC'));
    expect(field('settings-base-url').value).toBe('https://tin.binhminh.gov.vn');
    expect(field('settings-media-widths').value).toBe('480, 960');
  });

  it('shows a wrong web address at its field, keeps what was typed and saves nothing', async () => {
    const { backend, user } = await setup();
    const before = await backend.siteSettingsGet();
    await openDialog(user);
    await replace(user, 'settings-unit', 'UBND huyện');
    await replace(user, 'settings-base-url', 'tin.binhminh.gov.vn');
    await user.click(screen.getByTestId('settings-save'));

    const error = await screen.findByTestId('settings-base-url-error');
    expect(error).toHaveTextContent('Địa chỉ phải bắt đầu bằng https:// hoặc http://');
    expect(field('settings-base-url')).toHaveAttribute('aria-invalid', 'true');
    expect(field('settings-base-url')).toHaveFocus();
    expect(field('settings-base-url')).toHaveAccessibleDescription(/https:\/\/ hoặc http:\/\//);
    expect(field('settings-unit')).toHaveAttribute('aria-invalid', 'false');
    expect(field('settings-unit').value).toBe('UBND huyện');
    expect(screen.getByTestId('site-settings-dialog')).toBeInTheDocument();
    // The error is at the field, not in the banner as well.
    expect(screen.queryByTestId('error-banner')).toBeNull();
    expect(await backend.siteSettingsGet()).toEqual(before);

    // Typing in the field clears its error; a right address then saves.
    await user.type(field('settings-base-url'), 'x');
    expect(screen.queryByTestId('settings-base-url-error')).toBeNull();
    await replace(user, 'settings-base-url', 'https://tin.binhminh.gov.vn');
    await user.click(screen.getByTestId('settings-save'));
    await waitFor(() => expect(screen.queryByTestId('site-settings-dialog')).toBeNull());
    expect((await backend.siteSettingsGet()).unit).toBe('UBND huyện');
  });

  it.each([
    ['settings-email', 'ttvh at example', 'Đây không phải địa chỉ e-mail'],
    ['settings-media-widths', '480, lớn', 'Cần là các số từ 16 đến 8192'],
    ['settings-name', '', 'Trang cần có tên.'],
  ])('shows the error for %s at that field', async (testid, text, message) => {
    const { user } = await setup();
    await openDialog(user);
    await replace(user, testid, text);
    await user.click(screen.getByTestId('settings-save'));
    expect(await screen.findByTestId(`${testid}-error`)).toHaveTextContent(message);
    expect(field(testid)).toHaveFocus();
  });

  it('shows a changed site name in the top bar', async () => {
    const { backend, user } = await setup();
    await openDialog(user);
    await replace(user, 'settings-name', 'Trung tâm Văn hóa huyện Bình Minh');
    await user.keyboard('{Enter}');
    await waitFor(() =>
      expect(screen.getByTestId('site-name')).toHaveTextContent(
        'Trung tâm Văn hóa huyện Bình Minh',
      ),
    );
    expect(screen.queryByTestId('site-settings-dialog')).toBeNull();
    expect((await backend.siteCurrent()).name).toBe('Trung tâm Văn hóa huyện Bình Minh');
  });

  it('discards edits on Cancel and on Escape', async () => {
    const { backend, user } = await setup();
    const before = await backend.siteSettingsGet();
    await openDialog(user);
    await replace(user, 'settings-name', 'Tên khác');
    await replace(user, 'settings-phone', '0219 3880 123');
    await user.click(screen.getByTestId('settings-cancel'));
    expect(screen.queryByTestId('site-settings-dialog')).toBeNull();
    expect(screen.getByTestId('site-settings')).toHaveFocus();

    await openDialog(user);
    expect(field('settings-name').value).toBe('Trang tin huyện');
    expect(field('settings-phone').value).toBe('');
    await replace(user, 'settings-address', 'Số 1, thị trấn');
    await user.keyboard('{Escape}');
    expect(screen.queryByTestId('site-settings-dialog')).toBeNull();
    expect(await backend.siteSettingsGet()).toEqual(before);
    expect(screen.getByTestId('site-name')).toHaveTextContent('Trang tin huyện');
  });

  it("suggests the site's categories for the documents block", async () => {
    const { user } = await setup();
    await openDialog(user);
    const input = field('settings-documents-category');
    expect(input).toHaveAttribute('placeholder', 'Văn bản mới');
    const list = document.getElementById(input.getAttribute('list')!)!;
    await waitFor(() => expect(list.querySelectorAll('option').length).toBeGreaterThan(0));
    expect([...list.querySelectorAll('option')].map((o) => o.value)).toContain('Tin tức');
  });

  it('leaves a failure that names no field to the banner, keeping the dialog open', async () => {
    const { backend, user } = await setup();
    backend.siteSettingsSet = async () => {
      throw new BackendError('disk_full', 'no space left on device');
    };
    await openDialog(user);
    await replace(user, 'settings-phone', '0219 3880 123');
    await user.click(screen.getByTestId('settings-save'));
    expect(await screen.findByTestId('error-banner')).toHaveAttribute('data-code', 'disk_full');
    expect(screen.getByTestId('site-settings-dialog')).toBeInTheDocument();
    expect(field('settings-phone').value).toBe('0219 3880 123');
  });

  it('speaks English when the app does', async () => {
    const { user } = await setup();
    await user.click(screen.getByTestId('lang-toggle'));
    await openDialog(user);
    expect(screen.getByRole('dialog', { name: 'Site settings' })).toBeInTheDocument();
    await replace(user, 'settings-email', 'ttvh');
    await user.click(screen.getByTestId('settings-save'));
    expect(await screen.findByTestId('settings-email-error')).toHaveTextContent(
      'This is not an e-mail address',
    );
  });
});
