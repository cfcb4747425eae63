-- The domain profiles of a file (issue 5): the elderly part (AGGIR, APA, the heatwave register), the
-- health part and the school part, one synced entity each, one row per file at most (decision 0012).
-- A profile's id is made from its file's (fr.cercle.model.profile.Profiles.id), so two installations
-- that start it offline make the same record, merged field by field. No foreign key: a profile may
-- arrive before its person in a sync.
CREATE TABLE elderly_profile (
    id                      UUID         NOT NULL PRIMARY KEY,
    beneficiary_id          UUID         NOT NULL,
    aggir                   VARCHAR(10),
    assessed_on             DATE,
    apa_status              VARCHAR(20),
    lives_alone             BOOLEAN      NOT NULL,
    disability              VARCHAR(500),
    emergency_name          VARCHAR(200),
    emergency_phone         VARCHAR(30),
    emergency_relation      VARCHAR(100),
    heatwave_registered_on  DATE,
    heatwave_requested_by   VARCHAR(30),
    heatwave_requester_name VARCHAR(200),
    heatwave_capacity       VARCHAR(30),
    heatwave_services       VARCHAR(500),
    created_at              TIMESTAMP WITH TIME ZONE NOT NULL,
    created_by              UUID         NOT NULL,
    updated_at              TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_by              UUID         NOT NULL
);
CREATE INDEX elderly_profile_beneficiary ON elderly_profile (beneficiary_id);
CREATE INDEX elderly_profile_heatwave ON elderly_profile (heatwave_registered_on);

CREATE TABLE health_profile (
    id                      UUID          NOT NULL PRIMARY KEY,
    beneficiary_id          UUID          NOT NULL,
    conditions              VARCHAR(1000) NOT NULL,
    other_conditions        VARCHAR(500),
    nurse_name              VARCHAR(200),
    nurse_phone             VARCHAR(30),
    gp_name                 VARCHAR(200),
    gp_phone                VARCHAR(30),
    trust_name              VARCHAR(200),
    trust_phone             VARCHAR(30),
    education_stage         VARCHAR(20),
    created_at              TIMESTAMP WITH TIME ZONE NOT NULL,
    created_by              UUID          NOT NULL,
    updated_at              TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_by              UUID          NOT NULL
);
CREATE INDEX health_profile_beneficiary ON health_profile (beneficiary_id);

CREATE TABLE school_profile (
    id                      UUID          NOT NULL PRIMARY KEY,
    beneficiary_id          UUID          NOT NULL,
    school                  VARCHAR(200),
    school_class            VARCHAR(50),
    counselor               VARCHAR(200),
    absent_half_days        INT,
    unjustified_half_days   INT,
    absences_counted_on     DATE,
    spotted_on              DATE,
    contacted_on            DATE,
    assessed_on             DATE,
    accompanied_on          DATE,
    outcome                 VARCHAR(30),
    outcome_on              DATE,
    parental_consent_date   DATE,
    parental_consent_by     VARCHAR(200),
    created_at              TIMESTAMP WITH TIME ZONE NOT NULL,
    created_by              UUID          NOT NULL,
    updated_at              TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_by              UUID          NOT NULL
);
CREATE INDEX school_profile_beneficiary ON school_profile (beneficiary_id);
