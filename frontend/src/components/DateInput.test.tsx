import { useState } from 'react';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { i18n } from '../i18n';
import { DateInput } from './DateInput';
import { checkDate, checkParts, dateError, partsOf, textOf } from './dateText';

afterEach(async () => {
  await i18n.changeLanguage('en');
});

describe('a date typed in three fields', () => {
  it('is the API date once day, month and year make a real date', () => {
    expect(checkParts({ day: '28', month: '2', year: '2027' })).toEqual({ ok: true, value: '2027-02-28' });
    expect(checkParts({ day: '01', month: '12', year: '2026' })).toEqual({ ok: true, value: '2026-12-01' });
    expect(checkParts({ day: ' 9 ', month: ' 7 ', year: ' 2025 ' })).toEqual({ ok: true, value: '2025-07-09' });
    expect(checkParts({ day: '29', month: '2', year: '2028' })).toEqual({ ok: true, value: '2028-02-29' });
  });

  it('takes a month by its name in English or Welsh', () => {
    expect(checkParts({ day: '28', month: 'Feb', year: '2027' })).toEqual({ ok: true, value: '2027-02-28' });
    expect(checkParts({ day: '28', month: 'chwefror', year: '2027' })).toEqual({ ok: true, value: '2027-02-28' });
    expect(checkParts({ day: '3', month: 'Awst', year: '2027' })).toEqual({ ok: true, value: '2027-08-03' });
  });

  it('is nothing when all three fields are empty', () => {
    expect(checkParts({ day: '', month: ' ', year: '' })).toEqual({ ok: true, value: null });
    expect(checkDate('')).toEqual({ ok: true, value: null });
  });

  it('names what is missing', () => {
    expect(checkParts({ day: '', month: '2', year: '2027' })).toEqual({ ok: false, problem: 'includeDay' });
    expect(checkParts({ day: '28', month: '', year: '2027' })).toEqual({ ok: false, problem: 'includeMonth' });
    expect(checkParts({ day: '28', month: '2', year: '' })).toEqual({ ok: false, problem: 'includeYear' });
    expect(checkParts({ day: '', month: '', year: '2027' })).toEqual({ ok: false, problem: 'includeDayMonth' });
    expect(checkParts({ day: '', month: '2', year: '' })).toEqual({ ok: false, problem: 'includeDayYear' });
    expect(checkParts({ day: '28', month: '', year: '' })).toEqual({ ok: false, problem: 'includeMonthYear' });
  });

  it('refuses dates that do not exist and years without four numbers', () => {
    expect(checkParts({ day: '31', month: '2', year: '2027' })).toEqual({ ok: false, problem: 'real' });
    expect(checkParts({ day: '29', month: '2', year: '2027' })).toEqual({ ok: false, problem: 'real' });
    expect(checkParts({ day: '0', month: '1', year: '2027' })).toEqual({ ok: false, problem: 'real' });
    expect(checkParts({ day: '1', month: '13', year: '2027' })).toEqual({ ok: false, problem: 'real' });
    expect(checkParts({ day: 'x', month: '1', year: '2027' })).toEqual({ ok: false, problem: 'real' });
    expect(checkParts({ day: '1', month: 'Smarch', year: '2027' })).toEqual({ ok: false, problem: 'real' });
    expect(checkParts({ day: '1', month: '1', year: '27' })).toEqual({ ok: false, problem: 'yearDigits' });
    expect(checkParts({ day: '1', month: '1', year: '20x7' })).toEqual({ ok: false, problem: 'real' });
  });

  it('keeps what was typed in the text, and reads an API date back into its fields', () => {
    expect(textOf({ day: '28', month: '2', year: '2027' })).toBe('2027-02-28');
    expect(textOf({ day: '31', month: '2', year: '2027' })).toBe('2027-2-31');
    expect(partsOf('2027-2-31')).toEqual({ day: '31', month: '2', year: '2027' });
    expect(partsOf('2027-02-08')).toEqual({ day: '8', month: '2', year: '2027' });
    expect(checkDate('2027-2-31')).toEqual({ ok: false, problem: 'real' });
    expect(checkDate('2027-02-28')).toEqual({ ok: true, value: '2027-02-28' });
  });

  it('says what is wrong in a sentence naming the field, in English and Welsh', async () => {
    const t = i18n.t.bind(i18n);
    expect(dateError(t, '2027-2-31', 'Due date')).toBe('Due date must be a real date');
    expect(dateError(t, '2027--28', 'Due date')).toBe('Due date must include a month');
    expect(dateError(t, '27-1-1', 'Due date')).toBe('Due date: the year must have 4 numbers');
    expect(dateError(t, '2027-02-28', 'Due date')).toBeUndefined();
    expect(dateError(t, '', 'Due date')).toBeUndefined();
    await i18n.changeLanguage('cy');
    expect(dateError(i18n.t.bind(i18n), '2027-2-31', 'Dyddiad')).toBe('Dyddiad: rhaid iddo fod yn ddyddiad go iawn');
    expect(dateError(i18n.t.bind(i18n), '2027--28', 'Dyddiad')).toBe('Dyddiad: rhaid cynnwys mis');
  });
});

function Form({ initial = '', error }: { initial?: string; error?: string }) {
  const [value, setValue] = useState(initial);
  return (
    <>
      <DateInput id="due" label="Due date" value={value} onChange={setValue} error={error} />
      <output data-testid="value">{value}</output>
    </>
  );
}

describe('the date input', () => {
  it('asks for day, month and year under one legend, and gives the form the API date', async () => {
    const user = userEvent.setup();
    render(<Form />);
    expect(screen.getByRole('group', { name: 'Due date' })).toBeInTheDocument();
    expect(screen.getByText('For example, 28 2 2027')).toBeInTheDocument();
    await user.type(screen.getByLabelText('Day'), '28');
    await user.type(screen.getByLabelText('Month'), '2');
    expect(screen.getByTestId('value')).toHaveTextContent('-2-28');
    await user.type(screen.getByLabelText('Year'), '2027');
    expect(screen.getByTestId('value')).toHaveTextContent('2027-02-28');
    // What was typed stays as typed.
    expect(screen.getByLabelText('Month')).toHaveValue('2');
  });

  it('shows a date it is given, and the NHS error style with its message', () => {
    render(<Form initial="2026-12-01" error="Due date must be a real date" />);
    expect(screen.getByLabelText('Day')).toHaveValue('1');
    expect(screen.getByLabelText('Month')).toHaveValue('12');
    expect(screen.getByLabelText('Year')).toHaveValue('2026');
    const group = screen.getByRole('group', { name: 'Due date' });
    expect(group).toHaveAccessibleDescription(/Due date must be a real date/);
    expect(group.closest('.nhsuk-form-group')).toHaveClass('nhsuk-form-group--error');
    for (const field of ['Day', 'Month', 'Year']) {
      expect(screen.getByLabelText(field)).toHaveClass('nhsuk-input--error');
      expect(screen.getByLabelText(field)).toHaveAttribute('aria-invalid', 'true');
    }
  });

  it('labels its fields in Welsh on a Welsh page', async () => {
    await i18n.changeLanguage('cy');
    render(<Form />);
    expect(screen.getByLabelText('Diwrnod')).toBeInTheDocument();
    expect(screen.getByLabelText('Mis')).toBeInTheDocument();
    expect(screen.getByLabelText('Blwyddyn')).toBeInTheDocument();
    expect(screen.getByText('Er enghraifft, 28 2 2027')).toBeInTheDocument();
  });
});
