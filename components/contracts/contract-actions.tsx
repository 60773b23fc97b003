'use client';
import { useMutation } from '@tanstack/react-query';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { toast } from 'sonner';
import { Button } from '@/components/ui/button';
import { FormError } from '@/components/ui/field';
import { useTRPC } from '@/lib/trpc';
import { errorMessage } from '@/lib/trpc-errors';

type Action = 'pause' | 'resume' | 'terminate';

const COPY: Record<Action, { button: string; confirm: string; explain: string; done: string; variant: 'secondary' | 'danger' }> = {
  pause: {
    button: 'Pause contract',
    confirm: 'Yes, pause it',
    explain: 'Days that are still open are removed; confirmed days stay. You can resume later.',
    done: 'Contract paused.',
    variant: 'secondary',
  },
  resume: {
    button: 'Resume contract',
    confirm: 'Yes, resume it',
    explain: 'Service days for the next four weeks are planned again (if capacity allows).',
    done: 'Contract resumed.',
    variant: 'secondary',
  },
  terminate: {
    button: 'Terminate contract',
    confirm: 'Yes, terminate for good',
    explain: 'Termination is final: open days are removed and the contract cannot be resumed.',
    done: 'Contract terminated.',
    variant: 'danger',
  },
};

/** State actions with a confirm step; the server decides what is allowed. */
export function ContractActions({ id, allowed }: { id: string; allowed: string[] }) {
  const trpc = useTRPC();
  const router = useRouter();
  const [asking, setAsking] = useState<Action | null>(null);
  const options = {
    onSuccess: () => {
      toast.success(asking ? COPY[asking].done : 'Done.');
      setAsking(null);
      router.refresh();
    },
  };
  const mutations = {
    pause: useMutation(trpc.contract.pause.mutationOptions(options)),
    resume: useMutation(trpc.contract.resume.mutationOptions(options)),
    terminate: useMutation(trpc.contract.terminate.mutationOptions(options)),
  };
  const actions = (['pause', 'resume', 'terminate'] as const).filter((a) => allowed.includes(a));
  const current = asking ? mutations[asking] : null;
  if (actions.length === 0 && !allowed.includes('edit')) return null;

  return (
    <div className="space-y-3">
      <div className="flex flex-wrap gap-2">
        {allowed.includes('edit') && (
          <Link href={`/contracts/${id}/edit`} className="inline-flex min-h-10 items-center rounded-md border border-slate-300 bg-white px-4 py-2 text-sm font-medium hover:bg-slate-50">
            Edit terms
          </Link>
        )}
        {actions.map((action) => (
          <Button key={action} variant={COPY[action].variant} onClick={() => setAsking(action)} aria-expanded={asking === action}>
            {COPY[action].button}
          </Button>
        ))}
      </div>
      {asking && (
        <div role="group" aria-label={`Confirm: ${COPY[asking].button}`} className="rounded-md border border-amber-300 bg-amber-50 p-3">
          <p className="text-sm text-amber-950">{COPY[asking].explain}</p>
          <FormError message={current?.error ? errorMessage(current.error) : null} />
          <div className="mt-3 flex flex-wrap gap-2">
            <Button variant={COPY[asking].variant === 'danger' ? 'danger' : 'primary'} pending={current?.isPending} onClick={() => mutations[asking].mutate({ id })}>
              {COPY[asking].confirm}
            </Button>
            <Button variant="ghost" onClick={() => setAsking(null)}>
              Cancel
            </Button>
          </div>
        </div>
      )}
    </div>
  );
}
