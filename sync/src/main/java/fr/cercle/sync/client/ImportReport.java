package fr.cercle.sync.client;

import fr.cercle.model.sync.ChangeId;
import fr.cercle.sync.format.BundleHeader;

import java.util.Set;

/**
 * What an import did: how many changes were applied, were already here, wait for an earlier change,
 * or concern a deleted record; and the changes whose clock was more than a day ahead.
 */
public record ImportReport(BundleHeader header, long applied, long duplicates, long held, long afterDeletion,
                           Set<ChangeId> aheadOfTime) {
}
