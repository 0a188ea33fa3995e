import { useCallback, useEffect, useLayoutEffect, useRef, useState, type KeyboardEvent } from 'react';
import { NavLink, useLocation } from 'react-router';
import { useTranslation } from 'react-i18next';

export interface NavItem {
  to: string;
  label: string;
  end?: boolean;
}

/** nhsuk-frontend's tablet breakpoint (641 px): below it the whole list sits behind "Menu". */
const TABLET = '(min-width: 40.0625em)';

/**
 * How many items fit on one line beside a "More" button: ``rights`` are the items' right
 * edges measured from the list's left edge with every item on one line, ``moreWidth`` what
 * the button adds after the last item shown.
 */
export function itemsThatFit(rights: number[], available: number, moreWidth: number): number {
  if ((rights[rights.length - 1] ?? 0) <= available) return rights.length;
  let fit = 0;
  while (fit < rights.length && (rights[fit] ?? 0) + moreWidth <= available) fit += 1;
  return fit;
}

function isWide(): boolean {
  return typeof window.matchMedia === 'function' ? window.matchMedia(TABLET).matches : true;
}

/**
 * The header's navigation. From tablet width up it stays on one line: the items that do
 * not fit move into a "More" list, as NHS.UK's header does, instead of wrapping the header
 * onto a second and third line. On a phone the whole list is shown as a column behind the
 * header's "Menu" button (see Layout).
 */
export function HeaderNavigation({ items, label }: { items: NavItem[]; label: string }) {
  const { t } = useTranslation();
  const location = useLocation();
  const listRef = useRef<HTMLUListElement>(null);
  const moreRef = useRef<HTMLLIElement>(null);
  const toggleRef = useRef<HTMLButtonElement>(null);
  const signature = items.map((item) => `${item.to}=${item.label}`).join('|');
  // Right edges are measured with every item on one line, at tablet width or wider (on a
  // phone the list is a column, or hidden behind "Menu"); null means "measure again".
  const [measured, setMeasured] = useState<{ signature: string; wide: boolean; rights: number[]; more: number } | null>(null);
  const [visible, setVisible] = useState(items.length);
  const [open, setOpen] = useState(false);
  const [openPath, setOpenPath] = useState(location.pathname);
  if (openPath !== location.pathname) {
    // A new page closes the list.
    setOpenPath(location.pathname);
    setOpen(false);
  }
  if (measured !== null && measured.signature !== signature) {
    setMeasured(null);
    setVisible(items.length);
  }

  useLayoutEffect(() => {
    const list = listRef.current;
    if (measured !== null || !list) return;
    const left = list.getBoundingClientRect().left;
    const lis = Array.from(list.querySelectorAll<HTMLLIElement>(':scope > li[data-nav-item]'));
    const rights = lis.map((li) => li.getBoundingClientRect().right - left);
    const last = rights[rights.length - 1] ?? 0;
    const more = moreRef.current ? moreRef.current.getBoundingClientRect().right - left - last : 0;
    setMeasured({ signature, wide: isWide(), rights, more });
  }, [measured, signature]);

  useEffect(() => {
    // The NHS font arrives after the first paint and changes every width.
    let live = true;
    void document.fonts?.ready.then(() => {
      if (live) setMeasured(null);
    });
    return () => {
      live = false;
    };
  }, []);

  const fit = useCallback(() => {
    const list = listRef.current;
    if (!list || measured === null) return;
    const wide = isWide();
    const available = list.getBoundingClientRect().width;
    const laidOut = measured.rights.some((r) => r > 0);
    if (wide && available > 0 && (!laidOut || !measured.wide)) {
      // Measured while hidden or as a phone's column: measure again now that it is a line.
      setMeasured(null);
      setVisible(items.length);
      return;
    }
    // Without layout (tests without a browser) every item stays on the line.
    const n = wide && available > 0 ? itemsThatFit(measured.rights, available, measured.more) : items.length;
    setVisible(n);
    if (n === items.length) setOpen(false);
  }, [measured, items.length]);

  useLayoutEffect(() => {
    fit();
    const list = listRef.current;
    if (!list) return;
    window.addEventListener('resize', fit);
    const observer = typeof ResizeObserver === 'function' ? new ResizeObserver(() => fit()) : null;
    observer?.observe(list);
    return () => {
      window.removeEventListener('resize', fit);
      observer?.disconnect();
    };
  }, [fit]);

  useEffect(() => {
    if (!open) return;
    // A click anywhere else closes the list, as NHS.UK's does.
    const closeOutside = (event: MouseEvent) => {
      if (moreRef.current && !moreRef.current.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener('click', closeOutside);
    return () => document.removeEventListener('click', closeOutside);
  }, [open]);

  const measuring = measured === null;
  const shown = measuring ? items : items.slice(0, visible);
  const overflow = measuring ? [] : items.slice(visible);
  const currentInMore = overflow.some((item) =>
    item.end ? location.pathname === item.to : location.pathname.startsWith(item.to),
  );
  const closeOnEscape = (event: KeyboardEvent) => {
    if (event.key === 'Escape' && open) {
      event.stopPropagation();
      setOpen(false);
      toggleRef.current?.focus();
    }
  };
  const link = (item: NavItem) => (
    <NavLink className="nhsuk-header__navigation-link" to={item.to} end={item.end ?? false}>
      {item.label}
    </NavLink>
  );

  return (
    <nav id="app-header-navigation" className="nhsuk-header__navigation" aria-label={label}>
      <div className="nhsuk-header__navigation-container nhsuk-width-container">
        <ul
          className="nhsuk-header__navigation-list"
          ref={listRef}
          style={measuring ? { flexWrap: 'nowrap' } : undefined}
          data-testid="header-navigation-list"
        >
          {shown.map((item) => (
            <li className="nhsuk-header__navigation-item" key={item.to} data-nav-item="">
              {link(item)}
            </li>
          ))}
          {measuring || overflow.length > 0 ? (
            <li
              className="nhsuk-header__menu app-header__more"
              ref={moreRef}
              style={measuring ? { visibility: 'hidden' } : undefined}
              aria-hidden={measuring ? true : undefined}
              onKeyDown={closeOnEscape}
            >
              <button
                ref={toggleRef}
                type="button"
                className={`nhsuk-header__navigation-link nhsuk-header__menu-toggle${currentInMore ? ' app-header__more--current' : ''}`}
                aria-expanded={open}
                aria-controls="app-header-more-list"
                tabIndex={measuring ? -1 : undefined}
                onClick={() => setOpen((was) => !was)}
                data-testid="header-more-button"
              >
                {t('nav.more')}
              </button>
              {open ? (
                <ul className="nhsuk-header__menu-list" id="app-header-more-list">
                  {overflow.map((item) => (
                    <li className="nhsuk-header__navigation-item" key={item.to}>
                      {link(item)}
                    </li>
                  ))}
                </ul>
              ) : null}
            </li>
          ) : null}
        </ul>
      </div>
    </nav>
  );
}
