import { describe, expect, it } from 'vitest';
import { screen } from '@testing-library/react';
import { renderWithApp } from '../../test/utils';
import { AssuranceIcon } from './MdcIcons';

describe('the assurance icon', () => {
  it('says a series is too short to judge, not that there is no target, when it has one', async () => {
    await renderWithApp(<AssuranceIcon assurance={null} hasTarget />);
    expect(screen.getByText('Too few points to judge against the target yet')).toBeInTheDocument();
    expect(screen.queryByText('No target')).not.toBeInTheDocument();
  });

  it('says so in Welsh, and still says "no target" where there is none', async () => {
    await renderWithApp(
      <>
        <AssuranceIcon assurance={null} hasTarget />
        <AssuranceIcon assurance={null} />
      </>,
      { language: 'cy' },
    );
    expect(screen.getByText('Rhy ychydig o bwyntiau i farnu yn erbyn y targed eto')).toBeInTheDocument();
    expect(screen.getByText('Dim targed')).toBeInTheDocument();
  });
});
