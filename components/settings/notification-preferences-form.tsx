'use client';
import { useMutation } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { toast } from '@/lib/toast';
import { Form } from '@/components/forms/form';
import { showServerErrors, useSchemaForm } from '@/components/forms/use-schema-form';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { FormError } from '@/components/ui/field';
import { NOTIFICATION_CATEGORIES, NOTIFICATION_CATEGORY_LABELS, type NotificationCategory } from '@/lib/enums';
import type { NotificationPreferences } from '@/lib/schemas/user';
import { useTRPC } from '@/lib/trpc';

/** Per category: also by e-mail, or in the app only. `highlight`: the category an e-mail's link came from. */
export function NotificationPreferencesForm({ preferences, highlight }: { preferences: NotificationPreferences; highlight?: NotificationCategory }) {
  const trpc = useTRPC();
  const router = useRouter();
  const form = useSchemaForm(async () => (await import('@/lib/schemas/user')).setNotificationPreferencesInput, { defaultValues: { email: preferences.email } });
  const { errors } = form.formState;
  const save = useMutation(
    trpc.user.setNotificationPreferences.mutationOptions({
      onSuccess: () => {
        toast.success('Notification preferences saved.');
        router.refresh();
      },
      onError: (error) => showServerErrors(form, error, []),
    }),
  );
  return (
    <Card title="E-mail notifications">
      <p className="mb-3 text-sm text-slate-600">
        Everything always appears under the bell in the app. Choose what also comes to you by e-mail. Invitations and password
        resets always come by e-mail.
      </p>
      <Form onSubmit={form.handleSubmit((input) => save.mutate(input))} className="space-y-4">
        <FormError message={errors.root?.server?.message} />
        <fieldset>
          <legend className="sr-only">Send me e-mails about</legend>
          <ul className="space-y-2">
            {NOTIFICATION_CATEGORIES.map((category) => {
              const { label, description } = NOTIFICATION_CATEGORY_LABELS[category];
              return (
                <li key={category}>
                  <label
                    className={`flex min-h-10 items-start gap-3 rounded-md border px-3 py-2 text-sm ${
                      highlight === category ? 'border-emerald-500 bg-emerald-50' : 'border-slate-200'
                    }`}
                  >
                    <input type="checkbox" className="mt-1" {...form.register(`email.${category}`)} />
                    <span>
                      <span className="block font-medium text-slate-900">{label} by e-mail</span>
                      <span className="block text-slate-600">{description}</span>
                    </span>
                  </label>
                </li>
              );
            })}
          </ul>
        </fieldset>
        <Button type="submit" pending={save.isPending}>
          Save notification preferences
        </Button>
      </Form>
    </Card>
  );
}
