import { theme } from 'antd';
import { useId, type ReactNode } from 'react';

interface Props {
  open: boolean;
  title: ReactNode;
  callId: string;
  children: ReactNode;
}

/**
 * The card's window (O §6): a mask over the workplace and a panel, drawn where it stands in one pass —
 * no portal, no opening animation — so the card is on screen in the frame after its message. There is
 * no close control and nothing closes it (Esc, a click outside): the card goes when it is saved with a
 * result status (F-52). A hidden card stays drawn, transparent and `inert` (no clicks, no focus, not in
 * the accessibility tree), so that showing it costs next to nothing.
 */
export function CardOverlay({ open, title, callId, children }: Props) {
  const { token } = theme.useToken();
  const titleId = useId();
  return (
    <div
      data-testid={open ? 'client-card-wrap' : undefined}
      inert={!open}
      data-call-id={callId}
      style={{
        // A layer of its own, drawn while hidden: showing it changes its opacity, nothing is drawn again.
        opacity: open ? 1 : 0,
        willChange: 'opacity',
        position: 'fixed',
        inset: 0,
        zIndex: token.zIndexPopupBase,
        overflow: 'auto',
        background: token.colorBgMask,
      }}
    >
      <div
        role="dialog"
        aria-modal="true"
        aria-labelledby={titleId}
        data-testid={open ? 'client-card' : undefined}
        style={{
          width: 1100,
          maxWidth: 'calc(100vw - 32px)',
          margin: '48px auto',
          padding: `${token.paddingMD}px ${token.paddingLG}px`,
          background: token.colorBgElevated,
          borderRadius: token.borderRadiusLG,
          boxShadow: token.boxShadow,
        }}
      >
        <div
          id={titleId}
          style={{ marginBottom: token.marginXS, fontSize: token.fontSizeLG, fontWeight: token.fontWeightStrong }}
        >
          {title}
        </div>
        {children}
      </div>
    </div>
  );
}
