import type { ComponentProps } from 'react';
import { t } from '../../i18n';
import { Section } from './Section';
import { TouchForm } from './TouchForm';
import { TouchList } from './TouchList';

/** "In touch": logging a touch, and the last ones. */
export function TouchSection({ onLog, ...list }: ComponentProps<typeof TouchList> & Pick<ComponentProps<typeof TouchForm>, 'onLog'>) {
  return (
    <Section title={t('touchTitle')}>
      <TouchForm now={list.now} onLog={onLog} />
      <TouchList {...list} />
    </Section>
  );
}
