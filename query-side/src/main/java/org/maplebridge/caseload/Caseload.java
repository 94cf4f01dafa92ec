package org.maplebridge.caseload;

import java.util.List;

/** One page of a caseload, and the cursor of the next page (null on the last). */
public record Caseload(List<CaseloadItem> items, String next) {}
