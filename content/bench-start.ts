import { benchMark } from './bench-marks';

// Imported first by the content script, so that this runs before React and the rest of the
// bundle are evaluated: the benchmark times the content script from its very first statement.
benchMark('content-start');
