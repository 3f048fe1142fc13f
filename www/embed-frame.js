// Runs before the iframe page is drawn (a blocking script in its <head>, allowed by its CSP): a frame asked
// for another story than the built-in one must not show the built-in story's prerendered text meanwhile.
if (/[?&](src|data)=/.test(location.search)) document.documentElement.classList.add('nl-other-story');
