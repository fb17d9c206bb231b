import { theme } from 'antd';
import { memo, useId, useState, type KeyboardEvent, type ReactNode } from 'react';

export interface CardTab {
  key: string;
  label: string;
  children: ReactNode;
}

/**
 * The card's tabs («Главная», «Скрипт разговора», «E-mail», «SMS»; O §6): a plain tab strip that
 * needs no measuring, so the card is laid out once when it pops. A tab's content is rendered when it
 * is first opened and kept after that; arrow keys move between tabs.
 */
export const CardTabs = memo(function CardTabs({ items }: { items: CardTab[] }) {
  const { token } = theme.useToken();
  const id = useId();
  const [active, setActive] = useState(items[0]?.key ?? '');
  const [opened, setOpened] = useState<ReadonlySet<string>>(() => new Set([active]));
  const open = (key: string) => {
    setActive(key);
    setOpened((keys) => (keys.has(key) ? keys : new Set([...keys, key])));
  };
  const onKeyDown = (event: KeyboardEvent) => {
    const step = event.key === 'ArrowRight' ? 1 : event.key === 'ArrowLeft' ? -1 : 0;
    if (!step) return;
    const index = items.findIndex((item) => item.key === active);
    const next = items[(index + step + items.length) % items.length];
    if (next) {
      open(next.key);
      document.getElementById(`${id}-tab-${next.key}`)?.focus();
    }
  };

  return (
    <>
      <div
        role="tablist"
        onKeyDown={onKeyDown}
        style={{
          display: 'flex',
          gap: token.marginLG,
          marginBottom: token.marginMD,
          borderBottom: `${token.lineWidth}px solid ${token.colorBorderSecondary}`,
        }}
      >
        {items.map((item) => {
          const selected = item.key === active;
          return (
            <button
              key={item.key}
              id={`${id}-tab-${item.key}`}
              type="button"
              role="tab"
              aria-selected={selected}
              aria-controls={`${id}-panel-${item.key}`}
              tabIndex={selected ? 0 : -1}
              onClick={() => open(item.key)}
              style={{
                marginBottom: -token.lineWidth,
                padding: `${token.paddingSM}px 0`,
                border: 'none',
                borderBottom: `2px solid ${selected ? token.colorPrimary : 'transparent'}`,
                background: 'none',
                color: selected ? token.colorPrimary : token.colorText,
                font: 'inherit',
                cursor: 'pointer',
              }}
            >
              {item.label}
            </button>
          );
        })}
      </div>
      {items.map((item) => (
        <div
          key={item.key}
          id={`${id}-panel-${item.key}`}
          role="tabpanel"
          aria-labelledby={`${id}-tab-${item.key}`}
          hidden={item.key !== active}
        >
          {opened.has(item.key) ? item.children : null}
        </div>
      ))}
    </>
  );
});
