import { t } from '../../i18n';
import { IntroductionForm, type IntroductionFormProps } from './IntroductionForm';
import { IntroductionList, type IntroductionListProps } from './IntroductionList';
import { Section } from './Section';

export type IntroductionsSectionProps = IntroductionFormProps & IntroductionListProps;

/** "Introduce to…": find someone among the user's contacts, save the idea, follow it to the outcome. */
export function IntroductionsSection({ introductions, onUpdate, ...form }: IntroductionsSectionProps) {
  return (
    <Section title={t('introTitle')} className="tk-intros">
      <IntroductionForm {...form} />
      <IntroductionList contactId={form.contactId} introductions={introductions} onUpdate={onUpdate} />
    </Section>
  );
}
