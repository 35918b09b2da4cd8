// Time filters on fixed timestamps (epoch milliseconds; 1736937000000 is Wednesday
// 2025-01-15 10:30:00 UTC). Formats are PHP date() letters; relative phrases are strtotime's.
// `now` is only checked for having a value.

// to_timestamp[:tz] reads text (ISO, date-only, "now") and keeps numbers
// eval "2025-01-15 10:30:00"|to_timestamp => 1736937000000
// eval "2025-01-15T10:30:00Z"|to_timestamp => 1736937000000
// eval "2025-01-15"|to_timestamp => 1736899200000
// eval "2025-01-15 10:30:00"|to_timestamp:"America/New_York" => 1736955000000
// eval 1736937000000|to_timestamp => 1736937000000
// eval "now"|to_timestamp => "<any>"
// eval now|to_timestamp => "<any>"
// eval "2025-01-15T10:30:00.123Z"|to_timestamp => 1736937000123
// eval "2025-01-15T10:30:00+01:00"|to_timestamp => 1736933400000
// eval "2025-01-15 10:30:00 +0100"|to_timestamp => 1736933400000
// eval "Jan 15 2025"|to_timestamp => 1736899200000
// eval "15 January 2025"|to_timestamp => 1736899200000
// eval "01/15/2025"|to_timestamp => 1736899200000
// eval "15.01.2025"|to_timestamp => 1736899200000
// eval "@1736937000"|to_timestamp => 1736937000000
// eval "garbage"|to_timestamp => error could not read the time
// eval 1736937000000|to_epochms => 1736937000000
// eval 1736937000000|to_epoch_ms => 1736937000000

// whole units since the epoch
// eval 1736937000000|to_ms => 1736937000000
// eval 1736937000000|to_seconds => 1736937000
// eval 1736937000000|to_epoch_sec => 1736937000
// eval 1736937000000|to_minutes => 28948950
// eval 1736937000000|to_epoch_minute => 28948950
// eval 1736937000000|to_hours => 482482
// eval 1736937000000|to_epoch_hour => 482482
// eval 1736937000000|to_days => 20103
// eval 1736937000000|to_epoch_day => 20103
// eval "abc"|to_seconds => error could not read the time

// parse_timestamp:format[:tz] (fields the format lacks take the current time, as in PHP,
// unless the format starts with ! or ends with |)
// eval "15/01/2025 10:30"|parse_timestamp:"d/m/Y H:i" => 1736937000000
// eval "15/01/2025 10:30"|parse_timestamp:"d/m/Y H:i":"Europe/Paris" => 1736933400000
// eval "15/01/2025"|parse_timestamp:"!d/m/Y" => 1736899200000
// eval "15/01/2025"|parse_timestamp:"d/m/Y|" => 1736899200000
// eval "15/01/2025"|epochms_from_format:"!d/m/Y" => 1736899200000

// format_timestamp:format[:tz]
// eval 1736937000000|format_timestamp:"Y-m-d H:i:s" => "2025-01-15 10:30:00"
// eval 1736937000000|format_timestamp:"D, d M Y":"UTC" => "Wed, 15 Jan 2025"
// eval 1736937000000|format_timestamp:"Y-m-d H:i:s":"Asia/Tokyo" => "2025-01-15 19:30:00"
// eval 1736937000000|format_timestamp:"c" => "2025-01-15T10:30:00+00:00"
// eval 1736937000000|format_timestamp:"U" => "1736937000"
// eval 1736937000000|format_timestamp:"N w z t L" => "3 3 14 31 0"
// eval 1736937000000|format_timestamp:"g:i A" => "10:30 AM"
// eval 1736937000000|format_timestamp:"D, d M Y H:i:s O":"America/New_York" => "Wed, 15 Jan 2025 05:30:00 -0500"
// eval 1736937000000|format_timestamp:"T e P":"Europe/Paris" => "CET Europe/Paris +01:00"
// eval 1736937000000|format_timestamp:"r" => "Wed, 15 Jan 2025 10:30:00 +0000"
// eval 1736937000000|format_timestamp:"W o" => "03 2025"
// eval "2024-12-30"|format_timestamp:"W o Y" => "01 2025 2024"
// eval "2025-01-22"|format_timestamp:"jS" => "22nd"
// eval 1736937000000|format_timestamp:"\Y\m" => "Ym"
// eval "2025-01-15"|format_timestamp:"l jS F Y" => "Wednesday 15th January 2025"
// eval 1736937000000|epochms_date:"Y-m-d" => "2025-01-15"
// eval [1]|format_timestamp:"Y" => error expects a timestamp
// eval 1736937000000|format_timestamp:"Y":"Mars/Olympus" => error unknown time zone

// transform_timestamp:phrase[:tz]
// eval 1736937000000|transform_timestamp:"-7 days" => 1736332200000
// eval 1736937000000|transform_timestamp:"-1 hour" => 1736933400000
// eval 1736937000000|transform_timestamp:"+1 month" => 1739615400000
// eval 1736937000000|transform_timestamp:"next friday" => 1737072000000
// eval 1736937000000|transform_timestamp:"tomorrow" => 1736985600000
// eval 1736937000000|transform_timestamp:"midnight" => 1736899200000
// eval 1736937000000|transform_timestamp:"midnight":"America/New_York" => 1736917200000
// eval 1736937000000|transform_timestamp:"noon"|format_timestamp:"H:i" => "12:00"
// eval 1736937000000|transform_timestamp:"first day of next month" => 1738405800000
// eval 1736937000000|transform_timestamp:"last day of this month"|format_timestamp:"Y-m-d" => "2025-01-31"
// eval 1736937000000|transform_timestamp:"+2 weeks 3 days"|format_timestamp:"Y-m-d" => "2025-02-01"
// eval "2024-02-29 00:00:00"|transform_timestamp:"+1 year" => 1740787200000
// eval "2025-01-31 00:00:00"|transform_timestamp:"+1 month"|format_timestamp:"Y-m-d" => "2025-03-03"
// eval 1736937000000|transform_timestamp:"1 day ago" => 1736850600000
// eval 1736937000000|transform_timestamp:"+90 minutes"|format_timestamp:"H:i" => "12:00"
// eval 1736937000000|transform_timestamp:"today"|format_timestamp:"Y-m-d H:i" => "2025-01-15 00:00"
// eval 1736937000000|transform_timestamp:"yesterday noon"|format_timestamp:"Y-m-d H:i" => "2025-01-14 12:00"
// eval 1736937000000|transform_timestamp:"next monday 9am"|format_timestamp:"Y-m-d H:i" => "2025-01-20 09:00"
// eval 1736937000000|transform_timestamp:"last monday"|format_timestamp:"Y-m-d" => "2025-01-13"
// eval 1736937000000|transform_timestamp:"sunday this week"|format_timestamp:"Y-m-d" => "2025-01-19"
// eval 1736937000000|transform_timestamp:"first monday of next month"|format_timestamp:"Y-m-d" => "2025-02-03"
// eval 1736937000000|transform_timestamp:"last day of february"|format_timestamp:"Y-m-d" => "2025-02-28"
// eval 1736937000000|epochms_transform:"+1 day" => 1737023400000
// eval now|transform_timestamp:"-1 hour" => "<any>"

// adding seconds and milliseconds
// eval 1736937000000|add_secs_to_timestamp:60 => 1736937060000
// eval 1736937000000|add_secs_to_timestamp:-60 => 1736936940000
// eval 1736937000000|epochms_add_secs:1 => 1736937001000
// eval 1736937000000|add_ms_to_timestamp:5 => 1736937000005
// eval 1736937000000|epochms_add_ms:1 => 1736937000001
// Weekdays of a Monday-to-Sunday week, and business days (PHP strtotime).
// eval 1736937000000|transform_timestamp:"monday this week"|format_timestamp:"Y-m-d D" => "2025-01-13 Mon"
// eval 1736937000000|transform_timestamp:"sunday next week"|format_timestamp:"Y-m-d D" => "2025-01-26 Sun"
// eval 1737104400000|transform_timestamp:"+1 weekday"|format_timestamp:"Y-m-d D H:i" => "2025-01-20 Mon 09:00"
// eval 1737104400000|transform_timestamp:"-3 weekdays"|format_timestamp:"Y-m-d D" => "2025-01-14 Tue"
