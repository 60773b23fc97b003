'use client';
import { useMutation } from '@tanstack/react-query';
import dynamic from 'next/dynamic';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useEffect, useState } from 'react';
import { toast } from '@/lib/toast';
import { Button } from '@/components/ui/button';
import { FormError } from '@/components/ui/field';
import { useTRPC } from '@/lib/trpc';
import { prefetchWhenIdle } from '@/lib/prefetch-when-idle';
import { errorMessage } from '@/lib/trpc-errors';

// The decline form (and react-hook-form with it) loads when the page is idle, not before its first paint.
const loadDeclineForm = () => import('./decline-form');
const DeclineForm = dynamic(() => loadDeclineForm().then((m) => m.DeclineForm));

type Action = 'accept' | 'withdraw' | 'pause' | 'resume' | 'terminate';
const ACTIONS = ['accept', 'withdraw', 'pause', 'resume', 'terminate'] as const;

const COPY: Record<Action, { button: string; confirm: string; explain: string; done: string; variant: 'primary' | 'secondary' | 'danger' }> = {
  accept: {
    button: 'Accept proposal',
    confirm: 'Yes, accept these terms',
    explain: 'The contract starts on these terms: service days for the next four weeks are planned and billed at this price.',
    done: 'Proposal accepted: the contract is active.',
    variant: 'primary',
  },
  withdraw: {
    button: 'Withdraw proposal',
    confirm: 'Yes, withdraw it',
    explain: 'The client can no longer accept this proposal. Withdrawing is final; you can send a new proposal.',
    done: 'Proposal withdrawn.',
    variant: 'danger',
  },
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
export function ContractActions({ id, allowed, label }: { id: string; allowed: string[]; label?: string }) {
  const trpc = useTRPC();
  const router = useRouter();
  const [asking, setAsking] = useState<Action | 'decline' | null>(null);
  const done = (message: string) => {
    toast.success(message);
    setAsking(null);
    router.refresh();
  };
  const options = { onSuccess: () => done(asking && asking !== 'decline' ? COPY[asking].done : 'Done.') };
  const mutations = {
    accept: useMutation(trpc.contract.accept.mutationOptions(options)),
    withdraw: useMutation(trpc.contract.withdraw.mutationOptions(options)),
    pause: useMutation(trpc.contract.pause.mutationOptions(options)),
    resume: useMutation(trpc.contract.resume.mutationOptions(options)),
    terminate: useMutation(trpc.contract.terminate.mutationOptions(options)),
  };
  const actions = ACTIONS.filter((a) => allowed.includes(a));
  const canDecline = allowed.includes('decline');
  useEffect(() => (canDecline ? prefetchWhenIdle(loadDeclineForm) : undefined), [canDecline]);
  const current = asking && asking !== 'decline' ? mutations[asking] : null;
  if (actions.length === 0 && !canDecline && !allowed.includes('edit')) return null;

  return (
    <div className="space-y-3">
      <div className="flex flex-wrap gap-2">
        {allowed.includes('edit') && (
          <Link href={`/contracts/${id}/edit`} className="inline-flex min-h-10 items-center rounded-md border border-slate-300 bg-white px-4 py-2 text-sm font-medium hover:bg-slate-50">
            Edit terms
          </Link>
        )}
        {actions.map((action) => (
          <Button
            key={action}
            variant={COPY[action].variant}
            onClick={() => setAsking(action)}
            aria-expanded={asking === action}
            aria-label={label ? `${COPY[action].button}: ${label}` : undefined}
          >
            {COPY[action].button}
          </Button>
        ))}
        {canDecline && (
          <Button
            variant="secondary"
            onClick={() => setAsking('decline')}
            aria-expanded={asking === 'decline'}
            aria-label={label ? `Decline: ${label}` : undefined}
          >
            Decline…
          </Button>
        )}
      </div>
      {asking === 'decline' && <DeclineForm id={id} onDone={() => done('Proposal declined; the caterer is told why.')} onCancel={() => setAsking(null)} />}
      {asking && asking !== 'decline' && (
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
