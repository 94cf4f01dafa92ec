-- The referral tracker's own record of who works on each case referrals come from (the care
-- team), projected from the intake events, so that it reads no other read model's table.
CREATE TABLE referral_source_team (
    intake_id  UUID NOT NULL,
    username   VARCHAR(100) NOT NULL,
    PRIMARY KEY (intake_id, username)
);
