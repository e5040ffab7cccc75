import { describe, expect, it } from 'vitest';
import { notificationId, targetOf, type NotificationTarget } from '../../../background/notification-ids';

describe('notification ids', () => {
  it.each<NotificationTarget>([{ kind: 'contact', contactId: '5f1c2a9e-0b7d-4c1e-9a3f-2d8e6b4c7a10' }, { kind: 'digest' }, { kind: 'fading' }])(
    'read back what a click on a $kind notification needs',
    (target) => {
      expect(targetOf(notificationId(target, 1_780_000_000_000))).toEqual(target);
    },
  );

  it('are one per contact and due time', () => {
    const anna = { kind: 'contact', contactId: 'anna' } as const;
    expect(notificationId(anna, 1)).not.toBe(notificationId(anna, 2));
    expect(targetOf('someone-else:1')).toBeNull();
  });
});
