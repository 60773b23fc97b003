'use client';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { toast } from 'sonner';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { FormError, SelectField, TextField } from '@/components/ui/field';
import { useTRPC } from '@/lib/trpc';
import { fieldErrors, formLevelError } from '@/lib/trpc-errors';
import { USER_ROLES, type UserRole } from '@/lib/enums';
import { ROLE_LABELS } from './roles';

export function InviteForm() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [sentTo, setSentTo] = useState<string | null>(null);
  const invite = useMutation(
    trpc.user.invite.mutationOptions({
      onSuccess: (invitation) => {
        setSentTo(invitation.email);
        toast.success(`Invitation sent to ${invitation.email}.`);
        return queryClient.invalidateQueries({ queryKey: trpc.user.invitations.queryKey() });
      },
    }),
  );
  const errors = fieldErrors(invite.error);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formElement = event.currentTarget;
    const form = new FormData(formElement);
    setSentTo(null);
    invite.mutate(
      { email: String(form.get('email') ?? ''), role: form.get('role') as UserRole },
      { onSuccess: () => formElement.reset() },
    );
  }

  return (
    <Card title="Invite someone">
      <form onSubmit={onSubmit} className="space-y-4" noValidate>
        {sentTo && (
          <p role="status" className="rounded-md bg-emerald-50 px-3 py-2 text-sm text-emerald-800">
            Invitation sent to {sentTo}. The link is valid for 72 hours.
          </p>
        )}
        <FormError message={formLevelError(invite.error)} />
        <TextField label="Email" name="email" type="email" autoComplete="off" required error={errors.email} />
        <SelectField label="Role" name="role" defaultValue="EMPLOYEE" error={errors.role}>
          {USER_ROLES.map((r) => (
            <option key={r} value={r}>
              {ROLE_LABELS[r]}
            </option>
          ))}
        </SelectField>
        <Button type="submit" pending={invite.isPending}>
          Send invitation
        </Button>
      </form>
    </Card>
  );
}
