// @vitest-environment jsdom
import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { ScriptTab } from './ScriptTab';

describe('«Скрипт разговора» (O §6.2)', () => {
  it('renders the script and strips scripts and handlers', () => {
    render(<ScriptTab html={'<ol><li onclick="alert(1)">Приветствие</li></ol><script>alert(2)</script>'} />);
    const script = screen.getByTestId('card-script');
    expect(script.innerHTML).toBe('<ol><li>Приветствие</li></ol>');
  });
});
