package org.maplebridge.read;

import java.time.ZoneId;

/**
 * The time zone of the person reading a page (the platform learns it from the browser), for dates a
 * page's filters are typed in.
 */
public interface ViewersZone {

  ZoneId zone();
}
