'use client';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { toast } from '@/lib/toast';
import { Form } from '@/components/forms/form';
import { showServerErrors, useSchemaForm } from '@/components/forms/use-schema-form';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { FormError, SelectField, TextField } from '@/components/ui/field';
import { USER_ROLES } from '@/lib/enums';
import { useTRPC } from '@/lib/trpc';
import { ROLE_LABELS } from './roles';

const empty = { email: '', role: 'EMPLOYEE' } as const;

export function InviteForm() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [sentTo, setSentTo] = useState<string | null>(null);
  const form = useSchemaForm(async () => (await import('@/lib/schemas/user')).inviteUserInput, { defaultValues: empty });
  const { errors } = form.formState;
  const invite = useMutation(
    trpc.user.invite.mutationOptions({
      onSuccess: (invitation) => {
        setSentTo(invitation.email);
        toast.success(`Invitation sent to ${invitation.email}.`);
        form.reset(empty);
        return queryClient.invalidateQueries({ queryKey: trpc.user.invitations.queryKey() });
      },
      onError: (error) => showServerErrors(form, error, ['email', 'role']),
    }),
  );
  const onSubmit = form.handleSubmit((input) => {
    setSentTo(null);
    invite.mutate(input);
  });

  return (
    <Card title="Invite someone">
      <Form onSubmit={onSubmit} className="space-y-4">
        {sentTo && (
          <p role="status" className="rounded-md bg-emerald-50 px-3 py-2 text-sm text-emerald-800">
            Invitation sent to {sentTo}. The link is valid for 72 hours.
          </p>
        )}
        <FormError message={errors.root?.server?.message} />
        <TextField label="Email" type="email" autoComplete="off" required error={errors.email?.message} {...form.register('email')} />
        <SelectField label="Role" error={errors.role?.message} {...form.register('role')}>
          {USER_ROLES.map((r) => (
            <option key={r} value={r}>
              {ROLE_LABELS[r]}
            </option>
          ))}
        </SelectField>
        <Button type="submit" pending={invite.isPending}>
          Send invitation
        </Button>
      </Form>
    </Card>
  );
}
