import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { json, makeUser, mockApi, renderWithApp } from '../../test/utils';
import { NotificationsLink } from './NotificationsLink';
import { NotificationsPage } from './NotificationsPage';
import { safeAppLink, unreadLabel, type Notification } from '../../features/notifications/api';

function note(id: string, read: boolean, link: string | null = '/indicators/i1?organisation_id=o1'): Notification {
  return {
    id,
    kind: 'indicator.signal',
    title: { en: `Signal ${id}`, cy: `Arwydd ${id}` },
    body: { en: 'Waiting times rose above the upper limit.', cy: 'Cododd amseroedd aros.' },
    link,
    record_type: 'indicator',
    record_id: 'i1',
    created_at: '2025-05-01T09:00:00Z',
    read_at: read ? '2025-05-02T09:00:00Z' : null,
  };
}

describe('notification helpers', () => {
  it('counts unread up to 99+ and follows only links inside the app', () => {
    expect(unreadLabel(0, false)).toBeNull();
    expect(unreadLabel(3, false)).toBe('3');
    expect(unreadLabel(99, true)).toBe('99+');
    expect(safeAppLink('/indicators/x')).toBe('/indicators/x');
    expect(safeAppLink('//evil.example/x')).toBeNull();
    expect(safeAppLink('https://evil.example/')).toBeNull();
    expect(safeAppLink(null)).toBeNull();
  });
});

describe('The notifications page', () => {
  it('lists notifications, marks one read and then all read, and the header count follows', async () => {
    const items = [note('a', false), note('b', false), note('c', true, null)];
    const { requests } = mockApi({
      'GET /api/v1/users/me': () => json(makeUser()),
      'GET /api/v1/notifications': (request) =>
        json({ items: request.search.get('unread') === 'true' ? items.filter((n) => !n.read_at) : items, next_cursor: null, next: null }),
      'POST /api/v1/notifications/a/read': () => {
        items[0] = note('a', true);
        return new Response(null, { status: 204 });
      },
      'POST /api/v1/notifications/read-all': () => {
        items.forEach((n, i) => (items[i] = { ...n, read_at: '2025-05-03T00:00:00Z' }));
        return new Response(null, { status: 204 });
      },
      // The live stream is refused here: the page still works without it.
      'GET /api/v1/stream': () => new Response(null, { status: 403 }),
    });
    await renderWithApp(
      <>
        <NotificationsLink />
        <NotificationsPage />
      </>,
      { route: '/notifications', token: 'tok' },
    );
    expect(await screen.findByTestId('notifications-count')).toHaveTextContent('2');
    const list = await screen.findByTestId('notification-list');
    expect(within(list).getAllByTestId('notification')).toHaveLength(3);
    expect(within(list).getByRole('link', { name: 'Signal a' })).toHaveAttribute('href', '/indicators/i1?organisation_id=o1');

    await userEvent.click(within(list).getByRole('button', { name: /Mark as read\s*Signal a/ }));
    await waitFor(() => expect(screen.getByTestId('notifications-count')).toHaveTextContent('1'));
    expect(requests.some((r) => r.method === 'POST' && r.path === '/api/v1/notifications/a/read')).toBe(true);

    await userEvent.click(screen.getByRole('button', { name: 'Mark all as read' }));
    await waitFor(() => expect(screen.queryByTestId('notifications-count')).not.toBeInTheDocument());
    expect(screen.queryByRole('button', { name: 'Mark all as read' })).not.toBeInTheDocument();
  });
});
