import { useState } from 'react';
import { useBusiness } from '../../../business.ts';
import { useI18n } from '../../../i18n/index.ts';
import { usePath } from '../../../router.ts';
import { CampaignDetail } from './CampaignDetail.tsx';
import { CampaignList } from './CampaignList.tsx';
import { GiftCards } from './GiftCards.tsx';
import { NewCampaignForm } from './NewCampaignForm.tsx';

// Loyalty's Promotions tab: the coupon campaigns with how each has done, a form for a new
// one, and the gift cards. A campaign opens at /loyalty/promotions?campaign=<id> (the tab
// keeps its address; the query names the campaign, so a link to it can be shared).

export function Promotions() {
  const { t } = useI18n();
  const path = usePath();
  const campaign = new URLSearchParams(path.split('?')[1] ?? '').get('campaign');
  const [version, setVersion] = useState(0);
  // The business's currency, which the amounts are entered in.
  const { currency } = useBusiness();

  if (campaign) return <CampaignDetail id={campaign} />;
  return (
    <div className="promotions" data-testid="promotions">
      <div className="card">
        <h2>{t('promotions.campaigns.title')}</h2>
        <CampaignList version={version} />
      </div>
      <div className="card">
        <h2>{t('promotions.new.title')}</h2>
        <NewCampaignForm currency={currency} onCreated={() => setVersion((v) => v + 1)} />
      </div>
      <GiftCards currency={currency} />
    </div>
  );
}
