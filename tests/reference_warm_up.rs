//! The reference is built on threads of its own while the files are read (`Reference::warm_up`). Reading
//! runs on rayon's workers, which then wait for the reference: a build that handed work to those workers
//! would wait for them in turn, for ever. This test is a file of its own so that nothing has built the
//! reference before it starts.

use rayon::prelude::*;
use std::sync::mpsc;
use std::time::Duration;
use veille::reference::{Reference, Territory};

#[test]
fn lookups_on_every_worker_while_the_reference_warms_up_finish() {
    let (done, finished) = mpsc::channel();
    std::thread::spawn(move || {
        Reference::warm_up();
        let found: Vec<(usize, usize)> = (0..256)
            .into_par_iter()
            .map(|_| (Reference::get().communes_named("Viry-Châtillon").len(), Reference::get().schools_named_in("Les Sablons", &Territory::default()).len()))
            .collect();
        let _ = done.send(found);
    });
    let found = finished.recv_timeout(Duration::from_secs(120));
    assert!(found.is_ok(), "the lookups did not finish: the reference's build waits for the workers that wait for it");
    // Viry-Châtillon is one commune; the collège Les Sablons and two écoles share that name in Essonne.
    assert!(found.unwrap_or_default().iter().all(|&(communes, schools)| communes == 1 && schools == 3));
}
