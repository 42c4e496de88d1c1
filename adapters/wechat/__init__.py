"""The WeChat desktop adapter: UI automation through wxautox (WeChat 3.9) or wxauto4 / wxautox4
(WeChat 4.x), one UI worker thread, throttled sends, verified results. Windows only at run time;
the libraries are imported lazily, so this package imports anywhere."""
