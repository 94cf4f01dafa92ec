-- The provider's suggestion when it declined (another provider of the same service), for the
-- referrer to redirect to; and when the person's withdrawal of consent ended the provider's access
-- to the disclosed fields on an open referral (the provider is shown why).
ALTER TABLE referral_view
    ADD COLUMN suggested_provider_id UUID,
    ADD COLUMN sharing_ended_at      TIMESTAMPTZ;
