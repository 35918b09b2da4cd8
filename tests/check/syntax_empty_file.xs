// expect warning: XS0108
// A file with only comments declares nothing.
