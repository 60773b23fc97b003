import type { DeliveryDetailsOutput } from '@/lib/schemas/company';

/** A client's delivery details as the caterer reads them (contract page, production sheet). */
export function DeliveryDetails({ delivery }: { delivery: DeliveryDetailsOutput }) {
  const { deliveryAddress, deliveryInstructions, siteContactName, siteContactPhone } = delivery;
  if (!deliveryAddress && !deliveryInstructions && !siteContactName && !siteContactPhone) {
    return <p className="text-sm text-slate-600">The client has not given delivery details yet.</p>;
  }
  return (
    <dl className="grid grid-cols-[max-content_1fr] gap-x-4 gap-y-2 text-sm" data-testid="delivery-details">
      {deliveryAddress && (
        <>
          <dt className="text-slate-600">Address</dt>
          <dd className="whitespace-pre-line">{deliveryAddress}</dd>
        </>
      )}
      {deliveryInstructions && (
        <>
          <dt className="text-slate-600">Instructions</dt>
          <dd className="whitespace-pre-line">{deliveryInstructions}</dd>
        </>
      )}
      {(siteContactName || siteContactPhone) && (
        <>
          <dt className="text-slate-600">On site</dt>
          <dd>
            {siteContactName}
            {siteContactName && siteContactPhone ? ', ' : ''}
            {siteContactPhone && <a className="text-emerald-800 underline" href={`tel:${siteContactPhone.replace(/[^+0-9]/g, '')}`}>{siteContactPhone}</a>}
          </dd>
        </>
      )}
    </dl>
  );
}
